package org.treatygraph.serve;

/** The little HTML the pages need: escaping and a common frame with no external resources. */
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
                + "<title>" + esc(title) + " — treaty graph</title><style>"
                + "body{font:15px/1.45 system-ui,sans-serif;max-width:70em;margin:1em auto;padding:0 1em;color:#222}"
                + "table{border-collapse:collapse;width:100%}td,th{border-top:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}"
                + ".inferred{color:#6a4c93;font-size:.85em}.quote{color:#555;font-size:.9em}code{font-size:.9em}nav a{margin-right:1em}"
                // Long IRIs and quotes wrap; on a phone each row's cells stack, so nothing needs a sideways scroll.
                + "td,code{overflow-wrap:anywhere}"
                + "@media(max-width:40em){tr{display:block;border-top:1px solid #ddd}td{display:block;border-top:0;padding:.2em .3em}}"
                + "</style></head><body><nav><a href=\"/\">treaty graph</a><a href=\"/ontology\">ontology</a><a href=\"/dumps/\">dumps</a>"
                + "<a href=\"/query\">query</a></nav>\n" + body + "\n</body></html>\n";
    }
}
