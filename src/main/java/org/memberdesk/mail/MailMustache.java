package org.memberdesk.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The Mustache factories of email templates: HTML always escaped, text and subjects as typed. */
final class MailMustache {

    static final String ROOT = "org/memberdesk/mail/templates";

    private MailMustache() {
    }

    /**
     * HTML parts. Every value is escaped, {@code {{{name}}}} and {@code {{&name}}} too: a stored
     * template must not be able to put a contact's name into the page unescaped.
     */
    static DefaultMustacheFactory html() {
        return new DefaultMustacheFactory(ROOT) {
            @Override
            public MustacheVisitor createMustacheVisitor() {
                return new DefaultMustacheVisitor(this) {
                    @Override
                    public void value(TemplateContext tc, String variable, boolean encoded) {
                        super.value(tc, variable, true);
                    }
                };
            }
        };
    }

    /** Subjects and plain-text parts: nothing escaped. */
    static DefaultMustacheFactory text() {
        return new TextFactory();
    }

    private static final class TextFactory extends DefaultMustacheFactory {
        TextFactory() {
            super(ROOT);
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
