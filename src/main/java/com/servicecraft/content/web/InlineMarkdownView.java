package com.servicecraft.content.web;

import com.servicecraft.content.InlineMarkdown;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Gives the views the one renderer of short course texts: {@code <h:outputText value="#{md.inline(text)}"
 * escape="false"/>} for prompts, options, statements, role-play lines and feedback, and
 * {@code #{md.plain(text)}} where only text fits (a drop-down's options, a tooltip).
 */
@Named("md")
@ApplicationScoped
public class InlineMarkdownView {

    public String inline(String text) {
        return InlineMarkdown.html(text);
    }

    public String plain(String text) {
        return InlineMarkdown.plain(text);
    }
}
