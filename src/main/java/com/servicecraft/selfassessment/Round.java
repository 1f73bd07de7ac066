package com.servicecraft.selfassessment;

/** The two self-assessment rounds: at the start of the course and at its end. */
public enum Round {
    START, END
}
