package org.treatygraph.serve;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of refused requests: one line for each request answered with a 4xx, saying what was refused and
 * why, and never a stack trace (a client's mistake is not the server's failure). {@link PlainTextErrors}
 * logs the refusals it writes; {@link HttpPolicyFilter} those a route wrote itself.
 */
final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);
    /** A request attribute: why a route refused, when its answer is a page or a document rather than a message. */
    private static final String REASON = Refusals.class.getName() + ".reason";

    private Refusals() {}

    /** Whether a status refuses the client's request: a 4xx, or 501 for a method the server does not know. */
    static boolean isRefusal(int status) {
        return status >= 400 && status < 500 || status == 501;
    }

    /** Says why a route refused a request whose body is not a plain message (a 404 page, a JSON error). */
    static void reason(HttpServletRequest req, String why) {
        req.setAttribute(REASON, why);
    }

    static String reason(HttpServletRequest req) {
        return (String) req.getAttribute(REASON);
    }

    /** @param answer the status and the message, "405 Method Not Allowed: …" */
    static void log(String method, String target, String answer) {
        LOG.info("refused {} {}: {}", oneLine(method, 20), oneLine(target, 200), oneLine(answer, 300));
    }

    /** Text for one log line or message: control characters (CR, LF) become spaces, and it is cut at max characters. */
    static String oneLine(String s, int max) {
        if (s == null) return "";
        String flat = s.strip().replaceAll("\\p{Cntrl}+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "… (" + flat.length() + " characters)";
    }

    /** A message for Fuseki to write: it writes a byte a character, so anything beyond ASCII becomes a \\u escape. */
    static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return b.toString();
    }
}
