package org.treatygraph.serve;

import org.treatygraph.core.DatesInWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.system.Txn;
import org.treatygraph.ontology.IriScheme;
import org.treatygraph.ontology.Prefixes;
import org.treatygraph.ontology.Solutions;
import org.treatygraph.serve.view.EntityList;

/** The list of each kind of entity (/id/agreement/, /id/polity/, …), from page/entities-of-kind.rq. */
final class EntityLists {
    private static final Query KINDS = Prefixes.query(EntityLists.class, "page/kinds-of-entity.rq");
    private static final Query ENTITIES = Prefixes.query(EntityLists.class, "page/entities-of-kind.rq");

    private EntityLists() {}

    /** The page of a kind, or null when there is no such kind. */
    static String page(Site site, String kind) {
        Dataset ds = DatasetFactory.wrap(site.dataset());
        return Txn.calculateRead(ds, () -> {
            List<EntityList.Kind> kinds = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(KINDS).build()) {
                qe.execSelect().forEachRemaining(s -> kinds.add(new EntityList.Kind(s.getLiteral("kind").getString(),
                        s.contains("label") ? s.getLiteral("label").getString() : s.getLiteral("kind").getString())));
            }
            EntityList.Kind wanted = kinds.stream().filter(k -> k.kind().equals(kind)).findFirst().orElse(null);
            if (wanted == null) return null;
            Map<String, Dated> byEntity = new LinkedHashMap<>();
            try (QueryExecution qe = QueryExecution.dataset(ds).query(ENTITIES).substitution("kind", ResourceFactory.createStringLiteral(kind)).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    String iri = s.getResource("e").getURI();
                    String id = IriScheme.id(iri);
                    if (id == null || !IriScheme.iri(id).equals(IriScheme.owner(IriScheme.iri(id)))) return;   // entities, not their nodes
                    Dated d = new Dated(iri, text(s, "label", id), text(s, "earliest", null), text(s, "latest", null),
                            DatesInWords.words(text(s, "value", null), text(s, "earliest", null), text(s, "latest", null)));
                    byEntity.merge(iri, d, (a, b) -> b.betterThan(a) ? b : a);
                });
            }
            List<EntityList.Row> rows = byEntity.values().stream()
                    .sorted(Comparator.comparing((Dated d) -> d.earliest() == null).thenComparing(d -> d.earliest() == null ? "" : d.earliest())
                            .thenComparing(Dated::label))
                    .map(d -> new EntityList.Row(site.local(d.iri()), d.label(), d.words() == null ? "" : d.words())).toList();
            return Templates.render("entity-list.jte", Map.of("list", new EntityList(kind, wanted.label(), rows, kinds)));
        });
    }

    /** An entity with the signing date it is listed by (its bounds, for the order) and that date in words. */
    private record Dated(String iri, String label, String earliest, String latest, String words) {
        /** Of the dates the sources give, the most precise, then the earliest (Kars: 13 October 1921, not "six months later"). */
        boolean betterThan(Dated other) {
            if (earliest == null) return false;
            if (other.earliest == null) return true;
            long span = days(this), otherSpan = days(other);
            return span != otherSpan ? span < otherSpan : earliest.compareTo(other.earliest) < 0;
        }

        private static long days(Dated d) {
            return d.latest == null ? Long.MAX_VALUE
                    : java.time.LocalDate.parse(d.latest).toEpochDay() - java.time.LocalDate.parse(d.earliest).toEpochDay();
        }
    }

    private static String text(QuerySolution s, String var, String otherwise) {
        String t = Solutions.text(s, var);
        return t == null ? otherwise : t;
    }
}
