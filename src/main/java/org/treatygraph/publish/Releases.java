package org.treatygraph.publish;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.treatygraph.convert.TreatyGraph;
import org.treatygraph.core.Progress;

/**
 * The releases directory: one directory a release, named by its version, written once and never changed.
 * A release is written into a temporary directory beside the others and renamed to its version only when
 * complete (a rename that fails when the version exists), so a failed or refused release leaves nothing and
 * an existing one is never overwritten. Each holds the dumps (its VoID with its version, dates and previous
 * release; its ontology with the release's owl:versionIRI), its changes since the previous release (RDF Patch,
 * Markdown, a page), SHA256SUMS over all of them, and release.properties (what it was built from).
 */
public final class Releases {
    /** What a release was made from, beside its files (not one of them: VoID does not list it). */
    public static final String PROPERTIES = "release.properties";

    /** A release that may not be written: the version exists, or is not after the latest. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final Path dir;

    public Releases(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** The complete releases, oldest first. */
    public List<String> versions() throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Release.isVersion(p.getFileName().toString()) && Files.isRegularFile(p.resolve(PROPERTIES)))
                    .map(p -> p.getFileName().toString()).sorted(Release.ORDER).toList();
        }
    }

    /** The newest release, or null when there is none. */
    public String latest() throws IOException {
        List<String> v = versions();
        return v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** Where a release's files are (whether or not it exists). */
    public Path files(String version) {
        if (!Release.isVersion(version)) throw new IllegalArgumentException("not a version: " + version);
        return dir.resolve(version);
    }

    /** What the release was made from (the fingerprint of inputs and code the release command was given). */
    public String builtFrom(String version) throws IOException {
        return properties(version).getProperty("builtFrom");
    }

    /** The release as its release.properties records it. */
    public Release release(String version) throws IOException {
        Properties p = properties(version);
        return new Release(version, LocalDate.parse(p.getProperty("issued")), p.getProperty("previous"));
    }

    private Properties properties(String version) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(files(version).resolve(PROPERTIES), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /**
     * Writes release {@code version} of the graph, issued on {@code issued}, with its changes since the latest
     * release. Refused, writing nothing, when the version exists or is not after the latest.
     *
     * @param builtFrom what the graph was built from (the server serves the release's files as its current dumps when they agree)
     */
    public Path write(TreatyGraph graph, String version, LocalDate issued, String builtFrom, DumpWriter writer, Progress progress)
            throws IOException, Refused {
        if (!Release.isVersion(version))
            throw new Refused("'" + version + "' is not a version of the form MAJOR.MINOR.PATCH (e.g. 1.2.0)");
        Path target = files(version);
        if (Files.exists(target))
            throw new Refused("release " + version + " exists (" + target + "); a release never changes: give a new version");
        String previous = latest();
        if (previous != null && Release.ORDER.compare(version, previous) <= 0)
            throw new Refused("release " + version + " would not be after the latest release, " + previous + ": give a version after it");
        Release release = new Release(version, issued, previous);
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, "." + version + ".tmp-");
        try {
            writer.writeAll(graph, tmp, release, d -> changes(release, d, progress));
            Properties p = new Properties();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("version", version);
            values.put("label", release.label());
            values.put("issued", issued.toString());
            if (previous != null) values.put("previous", previous);
            values.put("builtFrom", builtFrom);
            p.putAll(values);
            try (Writer w = Files.newBufferedWriter(tmp.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                p.store(w, "treaty-graph release " + version + " (written by the release command; not one of its files)");
            }
            try {
                // A rename onto a name that exists fails: two releases of one version cannot both succeed.
                try {   // readable by the server that serves it (a temporary directory is its owner's alone)
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its default permissions stand
                }
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                throw new Refused("release " + version + " exists (" + target + "); a release never changes: give a new version");
            }
            return target;
        } finally {
            DumpWriter.deleteTree(tmp);
        }
    }

    /** The changes since the previous release, read from the two TriG dumps: the patch, Markdown, the page. */
    private Map<Dump, Path> changes(Release release, Path d, Progress progress) throws IOException {
        progress.step("comparing with " + (release.previous() == null ? "nothing (the first release)" : "release " + release.previous()));
        DatasetGraph before = release.previous() == null ? null : RDFDataMgr.loadDatasetGraph(files(release.previous()).resolve(Dump.TRIG.fileName()).toString());
        DatasetGraph after = RDFDataMgr.loadDatasetGraph(d.resolve(Dump.TRIG.fileName()).toString());
        Changes changes = Changes.between(before, after);
        Changelog log = changes.changelog(release);
        progress.step("release " + release.version() + ": " + changes.added.size() + " triples added, " + changes.removed.size() + " removed, "
                + log.entities().size() + " entities changed");
        Map<Dump, Path> files = new LinkedHashMap<>();
        String patchId = release.dumpsBase() + Dump.CHANGES_PATCH.fileName();
        String prevId = release.previous() == null ? null : new Release(release.previous(), release.issued(), null).dumpsBase() + Dump.CHANGES_PATCH.fileName();
        files.put(Dump.CHANGES_PATCH, changes.writePatch(d.resolve(Dump.CHANGES_PATCH.fileName()), patchId, prevId));
        files.put(Dump.CHANGES_MD, Files.writeString(d.resolve(Dump.CHANGES_MD.fileName()), Changes.markdown(log), StandardCharsets.UTF_8));
        files.put(Dump.CHANGES_HTML, Files.writeString(d.resolve(Dump.CHANGES_HTML.fileName()), Changes.html(log), StandardCharsets.UTF_8));
        return files;
    }

    /** The files of a release, as its SHA256SUMS lists them (for listings). */
    public List<String> fileNames(String version) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(files(version).resolve(Dump.SUMS), StandardCharsets.UTF_8)) {
            String[] parts = line.split("\\s+", 2);
            if (parts.length == 2) names.add(parts[1].strip());
        }
        return names;
    }
}
