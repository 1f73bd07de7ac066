package com.servicecraft.quiz;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One question of an attempt: which question (module, version, id), the per-attempt option tokens
 * (so ids in the page reveal nothing), the saved answer and, after submission, its grade.
 */
@Entity
@Table(name = "attempt_item")
public class AttemptItem implements java.io.Serializable {
    /** Maps to LONGTEXT on MySQL/MariaDB and CLOB on H2, as the migration creates them. */
    static final int LONG_TEXT = 1_000_000_000;
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempt_id", nullable = false)
    private long attemptId;

    @Column(nullable = false)
    private int position;

    @Column(name = "module_id", nullable = false, length = 80)
    private String moduleId;

    @Column(name = "module_version", nullable = false, length = 16)
    private String moduleVersion;

    @Column(name = "question_id", nullable = false, length = 80)
    private String questionId;

    @Column(name = "question_type", nullable = false, length = 24)
    private String questionType;

    @Column(name = "option_map", length = 2000)
    private String optionMap;

    @Lob
    @Column(length = LONG_TEXT)
    private String response;

    @Column(name = "saved_at")
    private Instant savedAt;

    private Double fraction;

    @Lob
    @Column(length = LONG_TEXT)
    private String detail;

    @Column(name = "graded_at")
    private Instant gradedAt;

    @Column(name = "graded_by")
    private Long gradedBy;

    @Lob
    @Column(name = "trainer_comment", length = LONG_TEXT)
    private String trainerComment;

    protected AttemptItem() {
    }

    public AttemptItem(long attemptId, int position, String moduleId, String moduleVersion, String questionId,
                       String questionType, String optionMap) {
        this.attemptId = attemptId;
        this.position = position;
        this.moduleId = moduleId;
        this.moduleVersion = moduleVersion;
        this.questionId = questionId;
        this.questionType = questionType;
        this.optionMap = optionMap;
    }

    public void graded(Double fraction, String detail, Instant now) {
        this.fraction = fraction;
        this.detail = detail;
        this.gradedAt = fraction == null ? null : now;
    }

    public void gradedByTrainer(double fraction, String detail, String comment, long trainerId, Instant now) {
        this.fraction = fraction;
        this.detail = detail;
        this.trainerComment = comment;
        this.gradedBy = trainerId;
        this.gradedAt = now;
    }

    public Long getId() { return id; }
    public long getAttemptId() { return attemptId; }
    public int getPosition() { return position; }
    public String getModuleId() { return moduleId; }
    public String getModuleVersion() { return moduleVersion; }
    public String getQuestionId() { return questionId; }
    public String getQuestionType() { return questionType; }
    public String getOptionMap() { return optionMap; }
    public String getResponse() { return response; }
    public Instant getSavedAt() { return savedAt; }
    public Double getFraction() { return fraction; }
    public String getDetail() { return detail; }
    public Instant getGradedAt() { return gradedAt; }
    public Long getGradedBy() { return gradedBy; }
    public String getTrainerComment() { return trainerComment; }
}
