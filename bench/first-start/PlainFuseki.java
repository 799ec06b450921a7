// Plain Fuseki (Jena's fuseki-main, as `fuseki-server` runs it) from the project's jar: FusekiMainCmd sets up
// log4j2, which the jar does not carry, so this calls the same FusekiMain without that step. Arguments are
// fuseki-server's: --port N --ping --loc DIR /ds
public class PlainFuseki {
    public static void main(String[] args) {
        org.apache.jena.fuseki.main.cmds.FusekiMain.run(args);
    }
}
