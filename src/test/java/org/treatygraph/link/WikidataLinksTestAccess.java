package org.treatygraph.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.treatygraph.TestProjects;

final class WikidataLinksTestAccess {
    static int linkCount() throws IOException {
        return Files.readString(TestProjects.repo().wikidataLinksFile(), StandardCharsets.UTF_8).split("\n  - entity: ", -1).length - 1;
    }
}
