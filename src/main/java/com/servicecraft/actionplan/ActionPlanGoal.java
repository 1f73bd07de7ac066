package com.servicecraft.actionplan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.EnumMap;
import java.util.Map;

/** One goal of an action plan: its place in the plan and its answers to the eight 5W2H questions. */
@Entity
@Table(name = "action_plan_goal")
public class ActionPlanGoal implements java.io.Serializable {
    private static final int LONG_TEXT = 1_000_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", nullable = false)
    private ActionPlan plan;

    @Column(nullable = false)
    private int position;

    @Lob
    @Column(name = "what_text", length = LONG_TEXT)
    private String what;
    @Lob
    @Column(name = "why_text", length = LONG_TEXT)
    private String why;
    @Lob
    @Column(name = "when_text", length = LONG_TEXT)
    private String when;
    @Lob
    @Column(name = "how_text", length = LONG_TEXT)
    private String how;
    @Lob
    @Column(name = "who_text", length = LONG_TEXT)
    private String who;
    @Lob
    @Column(name = "how_much_text", length = LONG_TEXT)
    private String howMuch;
    @Lob
    @Column(name = "where_text", length = LONG_TEXT)
    private String where;
    @Lob
    @Column(name = "measure_text", length = LONG_TEXT)
    private String measure;

    protected ActionPlanGoal() {
    }

    ActionPlanGoal(ActionPlan plan, int position) {
        this.plan = plan;
        this.position = position;
    }

    public String get(GoalField field) {
        return switch (field) {
            case WHAT -> what;
            case WHY -> why;
            case WHEN -> when;
            case HOW -> how;
            case WHO -> who;
            case HOW_MUCH -> howMuch;
            case WHERE -> where;
            case MEASURE -> measure;
        };
    }

    void set(GoalField field, String text) {
        switch (field) {
            case WHAT -> what = text;
            case WHY -> why = text;
            case WHEN -> when = text;
            case HOW -> how = text;
            case WHO -> who = text;
            case HOW_MUCH -> howMuch = text;
            case WHERE -> where = text;
            case MEASURE -> measure = text;
        }
    }

    /** Every field, empty ones as "". */
    public Map<GoalField, String> fields() {
        Map<GoalField, String> m = new EnumMap<>(GoalField.class);
        for (GoalField f : GoalField.values()) {
            m.put(f, get(f) == null ? "" : get(f));
        }
        return m;
    }

    public Long getId() { return id; }
    public int getPosition() { return position; }
}
