package org.treatygraph.serve;

import java.util.Map;

/** The little HTML the pages need: escaping and a common frame, styled by this server's /assets/site.css and nothing from elsewhere. */
final class Html {
    private Html() {}

    /** Escapes text for HTML content and attribute values; control characters HTML does not allow become U+FFFD. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f) sb.append('\uFFFD');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /**
     * A page in the site's frame (layout.jte) around a body still written in Java; new pages are templates
     * of their own.
     */
    static String page(String title, String body) {
        return Templates.render("page.jte", Map.of("title", title, "bodyHtml", body));
    }
}
