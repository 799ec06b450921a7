package org.treatygraph.serve;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.assembler.JA;
import org.apache.jena.rdf.model.Model;

/**
 * The server's own settings in the Fuseki configuration: {@code ja:context [ ja:cxtName "tg:…" ; ja:cxtValue "…" ]}
 * on the server, beside Jena's (arq:queryTimeout). One place reads them, so each setting is named in the
 * configuration file and nowhere else is a default hidden.
 */
final class ConfigContext {
    private final Model config;
    private final String file;

    /** @param file the configuration's path, for messages */
    ConfigContext(Model config, String file) {
        this.config = config;
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Every value of a setting (there may be several, as for the SERVICE allow-list). */
    static Set<String> values(Model config, String name) {
        return config.listSubjectsWithProperty(JA.cxtName, name).toList().stream()
                .flatMap(r -> r.listProperties(JA.cxtValue).toList().stream()).map(s -> s.getString().strip())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A whole number the configuration must give, at least {@code min}; otherwise a configuration error naming it. */
    long number(String name, long min) {
        Set<String> v = values(config, name);
        if (v.size() != 1) throw new IllegalArgumentException(file + ": expected one ja:context value for \"" + name + "\", found " + v.size());
        String s = v.iterator().next();
        try {
            long n = Long.parseLong(s.replace("_", ""));
            if (n < min) throw new IllegalArgumentException(file + ": \"" + name + "\" is " + n + "; it must be at least " + min);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": \"" + name + "\" must be a whole number, found \"" + s + "\"");
        }
    }
}
