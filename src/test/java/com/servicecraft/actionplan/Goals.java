package com.servicecraft.actionplan;

import java.util.EnumMap;
import java.util.Map;

/** Test data: goals of an action plan. */
public final class Goals {
    private Goals() {
    }

    /** A goal with every field filled in: "{name} what", "{name} why", … */
    public static Map<GoalField, String> filled(String name) {
        Map<GoalField, String> g = new EnumMap<>(GoalField.class);
        for (GoalField f : GoalField.values()) {
            g.put(f, name + " " + f.contentId());
        }
        return g;
    }
}
