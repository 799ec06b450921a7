package org.treatygraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The --keep-free option of the commands that write a store (serve, snapshot): the disk a new build must leave free. */
final class KeepFreeOption {
    @Option(names = "--keep-free", paramLabel = "MIB", defaultValue = "64",
            description = "Space in MiB a new build must leave free on the store's disk, beyond its estimate (default: ${DEFAULT-VALUE}).")
    long mib;

    /** The bytes to keep free; a negative amount is the user's mistake, refused as such. */
    long bytes(CommandLine command) {
        if (mib < 0) throw new CommandLine.ParameterException(command, "--keep-free must be 0 or more MiB, not " + mib);
        return mib << 20;
    }
}
