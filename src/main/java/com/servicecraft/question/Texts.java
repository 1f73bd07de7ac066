package com.servicecraft.question;

import com.servicecraft.shared.Language;
import com.servicecraft.shared.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Small text helpers shared by the choice types. */
final class Texts {
    private Texts() {
    }

    static String texts(List<Choice> options, Set<String> ids, Language lang) {
        return options.stream().filter(o -> ids.contains(o.id())).map(o -> o.text().in(lang)).collect(Collectors.joining("；"));
    }

    /** The options in the attempt's order, each behind its token. */
    static Presentation choices(List<Choice> options, Map<String, ?> tokenToId, Language lang) {
        List<Opt> shown = new ArrayList<>();
        tokenToId.forEach((t, id) -> shown.add(new Opt(t, options.stream().filter(o -> o.id().equals(id.toString())).findFirst()
                .map(o -> o.text().in(lang)).orElse(""))));
        return Presentation.options(shown);
    }

    static List<String> ids(List<Choice> options) {
        return options.stream().map(Choice::id).toList();
    }

    static Set<String> correct(List<Choice> options) {
        return options.stream().filter(Choice::correct).map(Choice::id).collect(Collectors.toSet());
    }

    static String yesNo(boolean v, Language lang) {
        return Messages.text(lang.locale(), v ? "quiz.true" : "quiz.false");
    }

    /** The option texts of "a+c" in the statistics (an unknown id stays as it is). */
    static List<String> chosenOptions(List<Choice> options, String chosen, Language lang) {
        return java.util.Arrays.stream(chosen.split("\\+"))
                .map(id -> options.stream().filter(o -> o.id().equals(id)).findFirst().map(o -> o.text().in(lang)).orElse(id))
                .toList();
    }
}
