package org.treatygraph.serve;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The pages' templates (src/main/jte), compiled to Java classes at build time by jte's Maven plugin, so a
 * template that does not compile fails the build, and values are HTML-escaped unless a template says
 * otherwise.
 */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    /** A template rendered with its parameters, e.g. render("home.jte", Map.of()). */
    static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }
}
