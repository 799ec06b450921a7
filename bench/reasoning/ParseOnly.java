// The baseline the materialiser is compared with: Jena only parsing the same N-Triples (gzipped or not)
// into a counting sink, nothing kept. Prints a closing line in the form `infer` prints, with 0 inferred.
//
//   java -Xmx4g -cp target/treaty-graph.jar bench/reasoning/ParseOnly.java FILE...
import java.lang.management.ManagementFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;

public class ParseOnly {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        long[] n = {0};
        for (String f : args) {
            RDFParser.source(f).parse(new StreamRDFBase() {
                @Override public void triple(Triple t) { n[0]++; }
            });
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.err.printf("input %,d triples; inferred 0 triples; %.1f s; peak heap %,d MiB%n", n[0], s, heap / (1024 * 1024));
    }
}
