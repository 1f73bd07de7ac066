package com.servicecraft.question;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a trainee answered, in content ids (the page's per-attempt tokens already translated). */
public sealed interface Answer {
    record Choices(Set<String> ids) implements Answer {
    }

    record Bool(boolean value) implements Answer {
    }

    /** Left pair id → the pair id whose right side was chosen for it. */
    record Matches(Map<String, String> leftToRight) implements Answer {
    }

    record Order(List<String> ids) implements Answer {
    }

    /** YES, NO or ? */
    record Inference(String value) implements Answer {
    }

    record Text(String text) implements Answer {
    }

    /** Statement id → rating 1..5. */
    record Ratings(Map<String, Integer> ratings) implements Answer {
    }

    /** The option chosen at each decision point, from the start node on. */
    record Path(List<String> choices) implements Answer {
    }
}
