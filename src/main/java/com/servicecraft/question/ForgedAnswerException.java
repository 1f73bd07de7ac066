package com.servicecraft.question;

/**
 * Input that no page of ours sends: an option token that is not in the attempt's map, a value
 * outside the type's choices. The caller refuses the request.
 */
public class ForgedAnswerException extends RuntimeException {
    public ForgedAnswerException(String message) {
        super(message);
    }
}
