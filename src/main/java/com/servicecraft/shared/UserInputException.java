package com.servicecraft.shared;

import java.util.List;

/**
 * Bad input from a person, reported with a resource-bundle key (and arguments) so that the page
 * shows it in the user's language. Nothing was changed when this is thrown.
 */
public class UserInputException extends RuntimeException {
    private final String messageKey;
    private final transient List<Object> arguments;

    public UserInputException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
