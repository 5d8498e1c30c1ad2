package org.memberdesk.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.memberdesk.domain.InvalidInputException;

/**
 * Checks one part of a template before it is stored, so a typo is caught by the person who made
 * it, not by the dispatcher at 3 a.m.: Mustache syntax, only the kind's variables and bundled
 * pieces, no unescaped value in HTML, and the link where the email exists to carry one.
 */
public final class TemplateCheck {

    public static final int MAX_SUBJECT = 500;
    public static final int MAX_BODY = 100_000;

    private TemplateCheck() {
    }

    /** Refuses the part with the reason; returns normally when it may be stored. */
    public static void check(TemplateKind kind, TemplatePart part, String template) {
        String where = (part == TemplatePart.SUBJECT ? "the subject" : "the " + part.code() + " part")
                + " of the " + kind.code() + " template";
        if (template == null || template.isBlank()) {
            throw new InvalidInputException(where + " is empty");
        }
        int max = part == TemplatePart.SUBJECT ? MAX_SUBJECT : MAX_BODY;
        if (template.length() > max) {
            throw new InvalidInputException(where + " is longer than " + max + " characters");
        }
        Tags tags = new Tags();
        try {
            new Recording(tags).compile(new StringReader(template),
                    "check-" + kind.code() + "-" + part.code() + ".mustache");
        } catch (MustacheException e) {
            throw new InvalidInputException(where + " has a Mustache error: " + e.getMessage());
        }
        for (String partial : tags.partials) {
            if (!TemplateKind.PARTIALS.contains(partial)) {
                throw new InvalidInputException(where + " includes {{> " + partial + "}}, which is not a bundled"
                        + " piece; known: " + String.join(", ", TemplateKind.PARTIALS));
            }
        }
        if (!tags.refused.isEmpty()) {
            throw new InvalidInputException(where + " uses " + tags.refused.get(0));
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : tags.names) {
            String head = name.equals(".") ? "." : name.split("\\.", 2)[0];
            if (!head.equals(".") && !kind.variables().contains(head)) {
                unknown.add("{{" + name + "}}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(where + " uses " + String.join(", ", unknown)
                    + (unknown.size() == 1 ? ", which is not a variable" : ", which are not variables")
                    + " of this email; known: " + String.join(", ", kind.variables()));
        }
        if (part == TemplatePart.HTML && !tags.unescaped.isEmpty()) {
            throw new InvalidInputException(where + " inserts " + tags.unescaped.get(0) + " unescaped; write {{"
                    + tags.unescaped.get(0).replaceAll("[{}&\\s]", "") + "}} so names and other values stay plain text");
        }
        if (kind.linkRequired() && part != TemplatePart.SUBJECT && !tags.values.contains("link")) {
            throw new InvalidInputException(where + " has no {{link}}: this email exists to deliver its link");
        }
    }

    /** What a compiled template used. */
    private static final class Tags {
        final Set<String> names = new LinkedHashSet<>();
        final Set<String> values = new LinkedHashSet<>();
        final List<String> partials = new ArrayList<>();
        final List<String> unescaped = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
    }

    /** A factory whose visitors note every tag of the template and of the bundled pieces it includes. */
    private static final class Recording extends DefaultMustacheFactory {

        private final Tags tags;

        Recording(Tags tags) {
            super(MailMustache.ROOT);
            this.tags = tags;
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new DefaultMustacheVisitor(this) {
                @Override
                public void value(TemplateContext tc, String variable, boolean encoded) {
                    tags.names.add(variable);
                    tags.values.add(variable);
                    if (!encoded) {
                        tags.unescaped.add("{{{" + variable + "}}}");
                    }
                    super.value(tc, variable, encoded);
                }

                @Override
                public void iterable(TemplateContext tc, String variable, Mustache mustache) {
                    tags.names.add(variable);
                    super.iterable(tc, variable, mustache);
                }

                @Override
                public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
                    tags.names.add(variable);
                    super.notIterable(tc, variable, mustache);
                }

                @Override
                public void partial(TemplateContext tc, String variable, String indent) {
                    tags.partials.add(variable.strip());
                    if (TemplateKind.PARTIALS.contains(variable.strip())) {
                        super.partial(tc, variable, indent);
                    }
                }

                @Override
                public void dynamicPartial(TemplateContext tc, String variable, String indent) {
                    tags.refused.add("{{>*" + variable + "}}, a dynamic partial, which templates cannot use");
                }

                @Override
                public void extend(TemplateContext tc, String variable, Mustache mustache) {
                    tags.refused.add("{{<" + variable + "}}, template inheritance, which templates cannot use");
                }

                @Override
                public void name(TemplateContext tc, String variable, Mustache mustache) {
                    tags.refused.add("{{$" + variable + "}}, a block, which templates cannot use");
                }

                @Override
                public void pragma(TemplateContext tc, String pragma, String args) {
                    tags.refused.add("{{%" + pragma + "}}, a pragma, which templates cannot use");
                }
            };
        }
    }
}
