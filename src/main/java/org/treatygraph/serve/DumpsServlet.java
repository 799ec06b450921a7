package org.treatygraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.treatygraph.convert.Sources;
import org.treatygraph.core.Hashing;
import java.util.List;
import org.treatygraph.publish.Dump;
import org.treatygraph.publish.Release;
import org.treatygraph.publish.Releases;

/**
 * The dumps of the build: a listing page (size, sha256, media type, description of each file) and the
 * files themselves with Content-Type, Content-Length, ETag (the sha256) and Last-Modified, answering
 * If-None-Match with 304; the .gz dumps gzip-encoded or decoded by what the client accepts. Also /.well-known/void, the build's VoID
 * file (Turtle, JSON-LD or RDF/XML by Accept), and the numbered releases under /dumps/releases/{version}/, immutable. Fuseki sets none of
 * these headers itself.
 */
final class DumpsServlet extends HttpServlet {
    private final Site site;
    private volatile Map<String, Long> tripleCounts;

    DumpsServlet(Site site) {
        this.site = site;
    }

    /** A release's files never change: a year, and no revalidation (RFC 8246). */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String RELEASES = "/dumps/releases";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!path.equals("/dumps") && !ready(req, resp)) return;
        if (path.equals("/.well-known/void")) {
            description(req, resp, site.dumps, Dump.VOID);
            return;
        }
        if (path.startsWith("/ontology/")) {
            String version = path.substring("/ontology/".length());
            if (site.releases == null || !Release.isVersion(version) || !site.releases.versions().contains(version)) {
                resp.sendError(404, "No release " + Refusals.oneLine(version, 40) + " of the ontology" + (site.releases == null ? " (this server serves no releases directory)" : ""));
                return;
            }
            description(req, resp, site.releases.files(version), Dump.ONTOLOGY);
            return;
        }
        if (path.equals(RELEASES) || path.startsWith(RELEASES + "/")) {
            release(req, resp, path.substring(RELEASES.length()));
            return;
        }
        String name = path.substring("/dumps".length());
        if (name.isEmpty() || name.equals("/")) {
            if (name.isEmpty()) {
                resp.sendRedirect("/dumps/");
                return;
            }
            listing(resp);
            return;
        }
        name = name.substring(1);
        String type = mediaType(name);
        if (type == null) {
            resp.sendError(404, "No dump named " + name);
            return;
        }
        file(req, resp, site.dumps, name, type, true, false);
    }

    /** The media type of a file the build or a release writes, or null for any other name. */
    private static String mediaType(String name) {
        for (Dump d : Dump.values()) if (d.fileName().equals(name)) return d.mediaType();
        return name.equals(Dump.SUMS) ? "text/plain" : null;
    }

    /**
     * An RDF file of a build or release (/.well-known/void: the VoID description; /ontology/{version}: a released ontology)
     * in Turtle (the file as written), JSON-LD or RDF/XML by Accept; 406 for anything else.
     */
    private void description(HttpServletRequest req, HttpServletResponse resp, Path dir, Dump dump) throws IOException {
        Formats[] offered = {Formats.TURTLE, Formats.JSONLD, Formats.RDFXML};
        Replies.vary(resp, "Accept");
        Formats f = Formats.negotiate(req.getHeader("Accept"), offered);
        if (f == null) {
            resp.sendError(406, Formats.notAcceptable(req.getHeader("Accept"), offered));
            return;
        }
        boolean immutable = dir != site.dumps;
        if (f == Formats.TURTLE) {
            file(req, resp, dir, dump.fileName(), dump.mediaType(), true, immutable);
            return;
        }
        Path p = dir.resolve(dump.fileName());
        if (!Files.isRegularFile(p)) {
            resp.sendError(404, "No " + dump.fileName() + " in this build");
            return;
        }
        org.apache.jena.graph.Graph g = org.apache.jena.riot.RDFDataMgr.loadGraph(p.toString());
        byte[] body = org.apache.jena.riot.RDFWriter.source(g).format(f.format).asString().getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + sums(dir).getOrDefault(dump.fileName(), "") + "-" + f.suffix + "\"";
        resp.setHeader("ETag", etag);
        if (immutable) resp.setHeader("Cache-Control", IMMUTABLE);
        resp.setDateHeader("Last-Modified", Files.getLastModifiedTime(p).toMillis());
        if (notModified(req, etag)) {
            resp.setStatus(304);
            return;
        }
        resp.setContentType(f.contentType().contains("charset") ? f.contentType() : f.contentType() + "; charset=utf-8");
        resp.setContentLength(body.length);
        try (OutputStream os = resp.getOutputStream()) {
            os.write(body);
        }
    }

    /** /dumps/releases/…: the list of releases, a release's files, and each file, immutable. */
    private void release(HttpServletRequest req, HttpServletResponse resp, String rest) throws IOException {
        Releases releases = site.releases;
        if (rest.isEmpty()) {
            resp.sendRedirect(RELEASES + "/");
            return;
        }
        if (rest.equals("/")) {
            releasesListing(resp, releases);
            return;
        }
        String[] parts = rest.substring(1).split("/", -1);
        String version = parts[0];
        if (releases == null || !Release.isVersion(version) || !releases.versions().contains(version)) {
            resp.sendError(404, "No release " + Refusals.oneLine(version, 40) + (releases == null ? " (this server serves no releases directory)" : ""));
            return;
        }
        if (parts.length == 1) {
            resp.sendRedirect(RELEASES + "/" + version + "/");
            return;
        }
        if (parts.length == 2 && parts[1].isEmpty()) {
            releaseListing(resp, releases, version);
            return;
        }
        String type = parts.length == 2 ? mediaType(parts[1]) : null;
        if (type == null) {
            resp.sendError(404, "No file named " + Refusals.oneLine(rest.substring(1 + version.length() + 1), 80) + " in release " + version);
            return;
        }
        file(req, resp, releases.files(version), parts[1], type, true, true);
    }

    private void releasesListing(HttpServletResponse resp, Releases releases) throws IOException {
        StringBuilder b = new StringBuilder("<h1>Releases</h1>\n<p>Each release is at a URL of its own that never changes; the newest is also the "
                + "<a href=\"/dumps/\">current dumps</a> while the server serves what it was built from.</p>\n");
        List<String> versions = releases == null ? List.of() : new java.util.ArrayList<>(releases.versions());
        java.util.Collections.reverse(versions);
        if (versions.isEmpty()) b.append("<p>No release yet.</p>\n");
        else {
            b.append("<table>\n<tr><th>version</th><th>issued</th><th>previous</th><th>changes</th></tr>\n");
            for (String v : versions) {
                Release r = releases.release(v);
                b.append("<tr><td><a href=\"").append(v).append("/\">").append(Html.esc(r.label())).append("</a></td><td>").append(r.issued())
                        .append("</td><td>").append(r.previous() == null ? "—" : Html.esc(r.previous())).append("</td><td><a href=\"").append(v)
                        .append("/changes.html\">what changed</a></td></tr>\n");
            }
            b.append("</table>\n");
        }
        Replies.html(resp, 200, Html.page("Releases", b.toString()));
    }

    private void releaseListing(HttpServletResponse resp, Releases releases, String version) throws IOException {
        Release r = releases.release(version);
        Path dir = releases.files(version);
        Map<String, String> sums = sums(dir);
        StringBuilder b = new StringBuilder("<h1>Release ").append(Html.esc(version)).append("</h1>\n<p>Version <code>").append(Html.esc(r.label()))
                .append("</code>, issued ").append(r.issued()).append(". <a href=\"changes.html\">What changed</a>")
                .append(r.previous() == null ? " (the first release)" : " since <a href=\"../" + r.previous() + "/\">" + r.previous() + "</a>")
                .append(". Each file with its size and SHA-256 (also in <a href=\"SHA256SUMS\">SHA256SUMS</a>; described in <a href=\"void.ttl\">void.ttl</a>).</p>\n<table>\n")
                .append("<tr><th>file</th><th>media type</th><th>bytes</th><th>SHA-256</th><th>what</th></tr>\n");
        for (Dump d : Dump.values()) {
            Path p = dir.resolve(d.fileName());
            if (!Files.exists(p)) continue;
            b.append("<tr><td><a href=\"").append(Html.esc(d.fileName())).append("\">").append(Html.esc(d.fileName())).append("</a></td><td>")
                    .append(Html.esc(d.mediaType())).append("</td><td>").append(Files.size(p)).append("</td><td><code>")
                    .append(sums.getOrDefault(d.fileName(), "")).append("</code></td><td>").append(Html.esc(d.description())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        Replies.html(resp, 200, Html.page("Release " + version, b.toString()));
    }

    /**
     * Whether the dumps are there to answer from. A fresh build writes them just after the server starts: a
     * request meanwhile waits for them ({@link Readiness}), or is told to come back (503, Retry-After); when
     * they could not be written, 503 says why. Never a file half-written: they appear all at once.
     */
    private boolean ready(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        return site.dumpsReady().admit(req, resp, "The dumps of this build are being written: try again in " + Readiness.RETRY_AFTER_SECONDS + " s.",
                why -> "The " + why.substring(4) + "; the SPARQL endpoint and the pages still answer.", false);
    }

    private void listing(HttpServletResponse resp) throws IOException {
        StringBuilder b = new StringBuilder("<h1>Dumps</h1>\n<p>Each file with its size and SHA-256 (also in <a href=\"SHA256SUMS\">SHA256SUMS</a>); "
                + "the dataset is described in <a href=\"/.well-known/void\">VoID</a>. Data licence: CC BY 4.0. Numbered releases, each at URLs that "
                + "never change: <a href=\"/dumps/releases/\">/dumps/releases/</a>.</p>\n<table>\n"
                + "<tr><th>file</th><th>media type</th><th>bytes</th><th>triples</th><th>SHA-256</th><th>what</th></tr>\n");
        Map<String, Long> counts = tripleCounts();
        for (Dump d : Dump.values()) {
            Path p = site.dumps.resolve(d.fileName());
            if (!Files.exists(p)) continue;
            b.append("<tr><td><a href=\"").append(Html.esc(d.fileName())).append("\">").append(Html.esc(d.fileName())).append("</a></td><td>")
                    .append(Html.esc(d.mediaType())).append("</td><td>").append(Files.size(p)).append("</td><td>")
                    .append(counts.containsKey(d.fileName()) ? String.format("%,d", counts.get(d.fileName())) : "").append("</td><td><code>").append(sums(site.dumps).getOrDefault(d.fileName(), ""))
                    .append("</code></td><td>").append(Html.esc(d.description())).append("</td></tr>\n");
        }
        b.append("</table>\n");
        Replies.html(resp, 200, Html.page("Dumps", b.toString()));
    }

    /** Triples (quads for TriG) in each RDF dump, counted by parsing it once; the context and VoID files are left out. */
    private Map<String, Long> tripleCounts() {
        Map<String, Long> counts = tripleCounts;
        if (counts != null) return counts;
        counts = new TreeMap<>();
        for (Dump d : Dump.values()) {
            if (d == Dump.CONTEXT || d == Dump.VOID || !d.isRdf() || !Files.exists(site.dumps.resolve(d.fileName()))) continue;
            long[] n = {0};
            org.apache.jena.riot.system.StreamRDF counter = new org.apache.jena.riot.system.StreamRDFBase() {
                @Override public void triple(org.apache.jena.graph.Triple t) { n[0]++; }
                @Override public void quad(org.apache.jena.sparql.core.Quad q) { n[0]++; }
            };
            // The JSON-LD dump names its context by its published IRI: read the local copy instead.
            if (d == Dump.JSONLD) continue;
            org.apache.jena.riot.RDFParser.source(site.dumps.resolve(d.fileName()).toString()).parse(counter);
            counts.put(d.fileName(), n[0]);
        }
        if (counts.containsKey(Dump.TURTLE.fileName())) counts.put(Dump.JSONLD.fileName(), counts.get(Dump.TURTLE.fileName()));
        tripleCounts = counts;
        return counts;
    }

    /** The checksums the build wrote (SHA256SUMS), by file name. */
    private static Map<String, String> sums(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        Path p = dir.resolve(Dump.SUMS);
        if (!Files.exists(p)) return m;
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\\s+", 2);
            if (parts.length == 2) m.put(parts[1].strip(), parts[0]);
        }
        return m;
    }

    private void file(HttpServletRequest req, HttpServletResponse resp, Path dir, String name, String mediaType, boolean body, boolean immutable)
            throws IOException {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            resp.sendError(404, "No dump named " + name);
            return;
        }
        byte[] bytes = Files.readAllBytes(p);
        String sum = sums(dir).getOrDefault(name, Hashing.sha256(bytes));
        // A .gz dump is its media type, gzip-encoded (Content-Encoding), for a client that takes gzip; a client
        // that does not (Python's urllib, so rdflib reading the URL) gets it decoded, since it could not read
        // the gzip bytes. Two representations of one URL: Vary and an ETag of each.
        boolean gz = name.endsWith(".gz");
        boolean decode = gz && !acceptsGzip(req.getHeader("Accept-Encoding"));
        String etag = "\"" + sum + (decode ? "-identity" : "") + "\"";
        if (gz) Replies.vary(resp, "Accept-Encoding");
        resp.setHeader("ETag", etag);
        resp.setDateHeader("Last-Modified", Files.getLastModifiedTime(p).toMillis());
        if (immutable) resp.setHeader("Cache-Control", IMMUTABLE);
        String text = mediaType.startsWith("text/") || mediaType.contains("json") || mediaType.equals("application/trig")
                || mediaType.equals("application/n-triples") ? "; charset=utf-8" : "";
        resp.setContentType(mediaType + text);
        if (gz && !decode) {
            resp.setHeader("Content-Encoding", "gzip");
            resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        }
        if (notModified(req, etag)) {
            resp.setStatus(304);
            return;
        }
        if (decode) {
            if (!body) return;
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes)); OutputStream os = resp.getOutputStream()) {
                in.transferTo(os);
            }
            return;
        }
        resp.setContentLength(bytes.length);
        if (!body) return;
        try (OutputStream os = resp.getOutputStream()) {
            os.write(bytes);
        }
    }

    private static boolean notModified(HttpServletRequest req, String etag) {
        String inm = req.getHeader("If-None-Match");
        return inm != null && (inm.equals("*") || java.util.Arrays.stream(inm.split(",")).map(String::strip).anyMatch(etag::equals));
    }

    /** Whether an Accept-Encoding header takes gzip (by name or "*", with a q above 0). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.split(",")) {
            String[] f = part.split(";");
            String coding = f[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!(coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*"))) continue;
            double q = 1;
            for (int i = 1; i < f.length; i++) {
                String param = f[i].strip();
                if (param.startsWith("q=") || param.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0) return true;
        }
        return false;
    }
}
