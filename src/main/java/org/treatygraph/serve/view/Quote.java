package org.treatygraph.serve.view;

/**
 * A cited passage: its exact words, the link to it in its source (/sources/{file}?start=&amp;end=), and the
 * source as a reader cites it (author and title, or the source's label where it names neither).
 */
public record Quote(String exact, String href, String source) {}
