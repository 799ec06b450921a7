package org.treatygraph.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.query.Dataset;

/**
 * The exports for map, gazetteer and spreadsheet users, written beside the RDF dumps: territories.geojson,
 * territories.lpf.json, instruments.csv, participations.csv, territorial-changes.csv. Each reads the built
 * graph (the named graphs, with their union as the default graph) and is byte-identical from run to run.
 */
public final class Exports {
    private Exports() {}

    static Map<Dump, Path> write(Dataset dataset, Path dir) throws IOException {
        Map<Dump, Path> files = new LinkedHashMap<>();
        SourceRefs refs = new SourceRefs(dataset);
        PlaceExports places = new PlaceExports(Places.all(dataset, refs));
        files.put(Dump.TERRITORIES_GEOJSON, PlaceExports.write(dir.resolve(Dump.TERRITORIES_GEOJSON.fileName()), places.geoJson()));
        files.put(Dump.TERRITORIES_LPF, PlaceExports.write(dir.resolve(Dump.TERRITORIES_LPF.fileName()), places.lpf()));
        FactTables tables = new FactTables(dataset, refs);
        files.put(Dump.INSTRUMENTS_CSV, Csv.write(dir.resolve(Dump.INSTRUMENTS_CSV.fileName()), FactTables.INSTRUMENT_COLUMNS, tables.instruments()));
        files.put(Dump.PARTICIPATIONS_CSV, Csv.write(dir.resolve(Dump.PARTICIPATIONS_CSV.fileName()), FactTables.PARTICIPATION_COLUMNS, tables.participations()));
        files.put(Dump.TERRITORIAL_CHANGES_CSV, Csv.write(dir.resolve(Dump.TERRITORIAL_CHANGES_CSV.fileName()), FactTables.CHANGE_COLUMNS, tables.territorialChanges()));
        return files;
    }
}
