package org.treatygraph.serve.view;

/** A fact in words: "Treaty of Kars — signing date — 13 October, 1921", each part linked where it has a page. */
public record Fact(Link subject, Link predicate, Link object) {}
