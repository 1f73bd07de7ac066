package com.servicecraft.quiz;

import com.servicecraft.shared.UserInputException;

/** An answer that was not saved, and why (bundle key): the attempt was submitted, or time is up. */
public class SaveRefusedException extends UserInputException {
    public SaveRefusedException(String messageKey) {
        super(messageKey);
    }
}
