package org.custodykg.present;

import java.util.List;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.custodykg.AccessAnswer;
import org.custodykg.AccessRoute;
import org.custodykg.Entity;
import org.custodykg.Evidence;

/** An access answer as JSON: the question, the date and its note, why there is no route, and the routes. */
public final class RouteJson {
    private RouteJson() {}

    /** The answer as one JSON object. */
    public static JsonObject of(AccessAnswer answer) {
        JsonObject result = new JsonObject();
        result.put("authority", term(answer.authority()));
        result.put("service", term(answer.service()));
        result.put("asOf", answer.asOf().toString());
        answer.newestSource().ifPresent(d -> result.put("newestSource", d.toString()));
        result.put("dateNote", answer.dateNote());
        result.put("assumptions", answer.assumptions());
        result.put("assumedLeftOut", answer.assumedLeftOut());
        answer.noRoute().ifPresent(why -> result.put("noRoute", why));
        JsonArray notes = new JsonArray();
        answer.notes().forEach(notes::add);
        result.put("notes", notes);
        JsonArray array = new JsonArray();
        answer.routes().forEach(r -> {
            JsonObject route = route(r);
            List<Evidence> disputed = answer.disputed(r);
            if (!disputed.isEmpty()) {
                route.put("disputed", evidence(disputed));
            }
            array.add(route);
        });
        result.put("routes", array);
        return result;
    }

    private static JsonObject route(AccessRoute r) {
        JsonObject o = new JsonObject();
        o.put("route", r.iri());
        o.put("kind", term(r.kind()));
        o.put("grade", term(r.grade()));
        o.put("presumptions", terms(r.presumptions()));
        o.put("status", term(r.status()));
        o.put("open", r.open());
        o.put("asOf", r.asOf().toString());
        o.put("authority", term(r.authority()));
        o.put("service", term(r.service()));
        r.dataCategory().ifPresent(c -> o.put("dataCategory", term(c)));
        o.put("usersIn", term(r.usersIn()));
        r.reachedThrough().ifPresent(c -> o.put("reachedThrough", term(c)));
        o.put("dataCustodians", terms(r.dataCustodians()));
        o.put("keyHolders", terms(r.keyHolders()));
        o.put("dataLocations", terms(r.dataLocations()));
        o.put("keyLocations", terms(r.keyLocations()));
        o.put("jurisdictions", terms(r.jurisdictions()));
        o.put("instruments", terms(r.instruments()));
        o.put("reviewingAuthorities", terms(r.reviewingAuthorities()));
        o.put("relayingAuthorities", terms(r.relayingAuthorities()));
        o.put("obstacles", evidence(r.obstacles()));
        o.put("possibleObstacles", evidence(r.possibleObstacles()));
        o.put("lawsInForce", terms(r.lawsInForce()));
        o.put("context", evidence(r.context()));
        o.put("explanation", evidence(r.explanation()));
        JsonArray rules = new JsonArray();
        r.rules().forEach(rules::add);
        o.put("rules", rules);
        return o;
    }

    private static JsonObject term(Entity t) {
        JsonObject o = new JsonObject();
        o.put("iri", t.iri());
        o.put("label", t.label());
        return o;
    }

    private static JsonArray terms(List<Entity> terms) {
        JsonArray array = new JsonArray();
        terms.forEach(t -> array.add(term(t)));
        return array;
    }

    private static JsonArray evidence(List<Evidence> facts) {
        JsonArray array = new JsonArray();
        for (Evidence e : facts) {
            JsonObject o = term(e.fact());
            if (e.source() != null) {
                o.put("source", term(e.source()));
            }
            o.put("quotation", e.quotation());
            array.add(o);
        }
        return array;
    }
}
