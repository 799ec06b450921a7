package org.treatygraph.serve;

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

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + esc(title) + " — treaty graph</title><link rel=\"stylesheet\" href=\"/assets/site.css\">"
                + "</head><body><nav><a href=\"/\">treaty graph</a><a href=\"/ontology\">ontology</a><a href=\"/dumps/\">dumps</a>"
                + "<a href=\"/query\">query</a></nav>\n" + body + "\n</body></html>\n";
    }
}
