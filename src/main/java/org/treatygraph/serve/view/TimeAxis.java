package org.treatygraph.serve.view;

import java.util.List;

/**
 * The horizontal axis the timeline and a territory's history strip are drawn on: its width in pixels
 * and its years, each at its place. Marks and bars are placed on the server (serve.Timeline), in pixels of
 * this width, so the pages draw without script.
 */
public record TimeAxis(int width, List<Year> years) {
    /** A year: its number, where it starts and how wide it is. */
    public record Year(String label, double x, double width) {}
}
