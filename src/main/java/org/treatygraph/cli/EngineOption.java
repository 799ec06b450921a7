package org.treatygraph.cli;

import java.util.Locale;
import org.treatygraph.reason.Materialiser;
import picocli.CommandLine;

/** --engine indexed|rete, for build and infer. */
final class EngineOption implements CommandLine.ITypeConverter<Materialiser.Engine> {
    @Override
    public Materialiser.Engine convert(String value) {
        try {
            return Materialiser.Engine.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("--engine is indexed or rete, not " + value);
        }
    }
}
