package org.zhiban;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhibanApplication {

    /** The one maintenance command: {@code rotate-keys} runs the key rotation without serving, then ends. */
    static final String ROTATE_KEYS = "rotate-keys";

    public static void main(String[] args) {
        if (args.length > 0 && ROTATE_KEYS.equals(args[0])) {
            // The whole application, for its sessions and schedules are part of it, but on no public port.
            SpringApplication rotation = new SpringApplication(ZhibanApplication.class);
            rotation.setDefaultProperties(Map.of("zhiban.keys.rotate", "true", "server.port", "0",
                    "server.address", "127.0.0.1"));
            System.exit(SpringApplication.exit(rotation.run(Arrays.copyOfRange(args, 1, args.length))));
        }
        SpringApplication.run(ZhibanApplication.class, args);
    }
}
