package org.treatygraph.convert;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * What one place in the records offers for a fact: the passages it cites (its own, or those of the
 * record or node around it), an editor's reading of them, or the editors' own reason for an editorial
 * fact and the passages that reasoning rests on.
 *
 * @param cites     the passages offered; inherited ones serve only the facts they support
 * @param own       whether the cites were given on the value itself (then each must support it)
 * @param reading   why the cited passage supports the fact, where its words do not state it; or null
 * @param editorial why the editors assert a fact no passage states; or null
 * @param restsOn   passages an editorial fact or note rests on (never its citations)
 * @param unresolved whether some of the cites were not found (reported already)
 * @param accordingTo whose claim the cited passage reports (a memoirist, a historian), where it reports one
 */
record Evidence(List<Cite> cites, boolean own, String reading, String editorial, List<Cite> restsOn, boolean unresolved, List<Node> accordingTo) {
    static final Evidence NONE = new Evidence(List.of(), false, null, null, List.of(), false, List.of());

    /** The evidence a nested node or value inherits: the same passages, no longer its own. */
    Evidence inherited() {
        return own ? new Evidence(cites, false, reading, editorial, restsOn, unresolved, accordingTo) : this;
    }
}
