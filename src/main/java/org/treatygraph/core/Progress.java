package org.treatygraph.core;

import java.io.PrintWriter;

/** Tells the user what a long run is doing, one line a step with the time since the start. */
public final class Progress {
    public static final Progress SILENT = new Progress(null);
    private final PrintWriter out;
    private final long start = System.nanoTime();

    public Progress(PrintWriter out) {
        this.out = out;
    }

    public void step(String what) {
        if (out != null) { out.printf("[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, what); out.flush(); }
    }
}
