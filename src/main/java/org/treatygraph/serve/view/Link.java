package org.treatygraph.serve.view;

/** Something a page names: its text, and where it links to (null for a value that is not a page, such as a date). */
public record Link(String href, String text) {}
