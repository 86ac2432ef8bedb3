package org.junheng.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** The topic names of the published language: the {@code address} of every channel in contracts/asyncapi.yaml. */
final class AsyncApi {

    static final Path FILE = Project.path("contracts/asyncapi.yaml");

    private AsyncApi() {
    }

    static Set<String> topics() {
        JsonNode channels = Yaml.single(FILE).path("channels");
        Set<String> topics = new TreeSet<>();
        channels.forEach(channel -> {
            if (!channel.path("address").isTextual()) {
                throw new IllegalStateException("an AsyncAPI channel without an address: " + channel);
            }
            topics.add(channel.get("address").asText());
        });
        if (topics.isEmpty()) {
            throw new IllegalStateException(FILE + " has no channels");
        }
        return topics;
    }
}
