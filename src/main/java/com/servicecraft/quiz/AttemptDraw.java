package com.servicecraft.quiz;

import com.servicecraft.question.Question;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The draw of a new attempt: which questions of the plan's pool it gets, in which order, and the
 * per-attempt tokens that stand for each question's options on the page. Content ids could give the
 * answer away (an ordering written s1, s2, s3; a right side with its pair's id), so the page only
 * ever sees tokens, drawn from a secure random source.
 */
final class AttemptDraw {
    private static final SecureRandom SECURE = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final Random shuffles;
    private final Random tokens;

    /** @param shuffles decides picks and orders; @param tokens makes the option tokens */
    AttemptDraw(Random shuffles, Random tokens) {
        this.shuffles = shuffles;
        this.tokens = tokens;
    }

    /** A draw with a fresh seed and secure tokens. */
    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = "PREDICTABLE_RANDOM",
            justification = "Only the order of questions and options, seeded per attempt from SecureRandom; the tokens that hide option ids use SecureRandom.")
    static AttemptDraw seeded() {
        return new AttemptDraw(new Random(SECURE.nextLong()), SECURE);
    }

    /**
     * Per module, the plan's count of its questions at random (all when the count is 0 or the pool is
     * smaller), kept in the author's order unless the quiz shuffles, which then shuffles the whole set.
     */
    List<AttemptPlan.Pick> questions(AttemptPlan plan) {
        List<AttemptPlan.Pick> chosen = new ArrayList<>();
        for (AttemptPlan.Draw d : plan.draws()) {
            List<AttemptPlan.Pick> candidates = new ArrayList<>(plan.pool().stream().filter(p -> p.moduleId().equals(d.moduleId())).toList());
            if (d.count() > 0 && d.count() < candidates.size()) {
                Collections.shuffle(candidates, shuffles);
                candidates = new ArrayList<>(candidates.subList(0, d.count()));
                // Keep the author's order within the drawn set unless shuffling is on.
                candidates.sort((x, y) -> plan.pool().indexOf(x) - plan.pool().indexOf(y));
            }
            chosen.addAll(candidates);
        }
        if (plan.settings().shuffle()) {
            Collections.shuffle(chosen, shuffles);
        }
        return chosen;
    }

    /**
     * Token → content id for whatever the page shows as options, in display order (JSON); null when
     * the type shows none. Shuffled when the quiz shuffles, and always (never left in the key's
     * order, when there is another) for types whose content order is the key.
     */
    String optionMap(Question q, boolean shuffle) {
        List<String> ids = q.optionIds();
        if (ids.isEmpty()) {
            return null;
        }
        boolean alwaysShuffle = q.alwaysShuffled();
        List<String> order = new ArrayList<>(ids);
        if (shuffle || alwaysShuffle) {
            for (int tries = 0; tries < 5 && (tries == 0 || (alwaysShuffle && order.equals(ids) && ids.size() > 1)); tries++) {
                Collections.shuffle(order, shuffles);
            }
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String id : order) {
            String token;
            do {
                token = token();
            } while (map.containsKey(token));
            map.put(token, id);
        }
        return AnswerCodec.json(map);
    }

    private String token() {
        StringBuilder sb = new StringBuilder("t");
        for (int i = 0; i < 7; i++) {
            sb.append(ALPHABET.charAt(tokens.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
