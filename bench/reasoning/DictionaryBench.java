// Which dictionary for the indexed engine: every term of an N-Triples file given an integer id by
// (1) the engine's own org.treatygraph.reason.Dictionary, (2) a java.util.HashMap<Node, Integer> with an
// id → node list, (3) Jena TDB2's node table (in memory, as a TDB2 store allocates NodeIds). Each in a
// fresh JVM (this program runs one, chosen by the first argument); prints the seconds to parse and
// encode, the distinct terms, and the heap retained after a full GC.
//
//   for d in own hashmap tdb2; do java -Xmx4g -cp target/treaty-graph.jar bench/reasoning/DictionaryBench.java $d FILE; done
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.TDBInternal;

public class DictionaryBench {
    public static void main(String[] args) throws Exception {
        String which = args[0], file = args[1];
        Object keep;
        Consumer<Node> encode;
        long[] sink = {0};
        switch (which) {
            case "own" -> {
                Class<?> c = Class.forName("org.treatygraph.reason.Dictionary");
                Constructor<?> k = c.getDeclaredConstructor();
                k.setAccessible(true);
                Object d = k.newInstance();
                Method id = c.getDeclaredMethod("id", Node.class);
                id.setAccessible(true);
                keep = d;
                encode = n -> { try { sink[0] += (int) id.invoke(d, n); } catch (Exception e) { throw new RuntimeException(e); } };
            }
            case "hashmap" -> {
                HashMap<Node, Integer> ids = new HashMap<>();
                List<Node> nodes = new ArrayList<>();
                keep = new Object[] {ids, nodes};
                encode = n -> sink[0] += ids.computeIfAbsent(n, x -> { nodes.add(x); return nodes.size() - 1; });
            }
            case "tdb2" -> {
                var dsg = DatabaseMgr.createDatasetGraph();
                DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
                NodeTable table = tdb.getTripleTable().getNodeTupleTable().getNodeTable();
                keep = dsg;
                dsg.begin(org.apache.jena.query.TxnType.WRITE);
                encode = n -> sink[0] += table.getAllocateNodeId(n).getPtrLocation();
            }
            default -> throw new IllegalArgumentException(which);
        }
        long t0 = System.nanoTime();
        RDFParser.source(file).parse(new StreamRDFBase() {
            @Override public void triple(Triple t) {
                encode.accept(t.getSubject());
                encode.accept(t.getPredicate());
                encode.accept(t.getObject());
            }
        });
        double s = (System.nanoTime() - t0) / 1e9;
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%s: %.1f s, retained heap %,d MiB (checksum %d, %s)%n", which, s, heap / (1024 * 1024), sink[0], keep.getClass().getSimpleName());
    }
}
