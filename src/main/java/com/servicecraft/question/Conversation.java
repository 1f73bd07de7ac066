package com.servicecraft.question;

import java.io.Serializable;
import java.util.List;

/** Where a role-play stands after the responses chosen so far: the turns, the customer's line, the responses offered. */
public record Conversation(List<Turn> transcript, String customerLine, boolean over, String outcome, List<Opt> responses)
        implements Serializable {
}
