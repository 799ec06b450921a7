package org.treatygraph.link;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for https://www.wikidata.org/w/api.php on loopback, answering wbsearchentities and
 * wbgetentities in the API's own JSON shapes, for two made-up items (Q900001 a treaty of Kars signed
 * 1921, Q900002 a place called Kars). Can be told to rate-limit or to send broken JSON.
 */
final class WikidataFixture implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    volatile int rateLimitTimes;
    volatile boolean broken;

    WikidataFixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/w/api.php", ex -> {
            requests.incrementAndGet();
            String q = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            if (rateLimitTimes > 0) {
                rateLimitTimes--;
                ex.getResponseHeaders().add("Retry-After", "0");
                ex.sendResponseHeaders(429, -1);
                ex.close();
                return;
            }
            String body = broken ? "<html>Wikimedia Error</html>" : q.contains("action=wbsearchentities") ? search(q) : entities();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        });
        server.start();
    }

    String api() {
        return "http://localhost:" + server.getAddress().getPort() + "/w/api.php";
    }

    private static String search(String q) {
        if (!q.toLowerCase().contains("kars")) return "{\"searchinfo\":{\"search\":\"x\"},\"search\":[],\"success\":1}";
        return """
            {"searchinfo":{"search":"Treaty of Kars"},"search":[
              {"id":"Q900002","title":"Q900002","pageid":1,"concepturi":"http://www.wikidata.org/entity/Q900002","label":"Kars","description":"city","match":{"type":"label","language":"en","text":"Kars"}},
              {"id":"Q900001","title":"Q900001","pageid":2,"concepturi":"http://www.wikidata.org/entity/Q900001","label":"Treaty of Kars","description":"1921 treaty","match":{"type":"label","language":"en","text":"Treaty of Kars"}}
            ],"success":1}""";
    }

    private static String entities() {
        return """
            {"entities":{
              "Q900001":{"type":"item","id":"Q900001",
                "labels":{"en":{"language":"en","value":"Treaty of Kars"},"ru":{"language":"ru","value":"Карсский договор"}},
                "descriptions":{"en":{"language":"en","value":"1921 treaty"}},
                "aliases":{"en":[{"language":"en","value":"Kars Treaty"}]},
                "claims":{"P585":[{"mainsnak":{"snaktype":"value","property":"P585","datavalue":{"value":{"time":"+1921-10-13T00:00:00Z","timezone":0,"before":0,"after":0,"precision":11,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"},"type":"statement","rank":"normal"}]}},
              "Q900002":{"type":"item","id":"Q900002",
                "labels":{"en":{"language":"en","value":"Kars"}},
                "descriptions":{"en":{"language":"en","value":"city"}},
                "aliases":{},"claims":{}}
            },"success":1}""";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
