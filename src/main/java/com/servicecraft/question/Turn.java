package com.servicecraft.question;

import java.io.Serializable;

/** A past exchange of a role-play: what the customer said and what the trainee answered. */
public record Turn(String customer, String staff) implements Serializable {
}
