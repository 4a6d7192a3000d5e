package org.zhiban;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhibanApplication {

    /** The one maintenance command: {@code rotate-keys} runs the key rotation without serving, then ends. */
    static final String ROTATE_KEYS = "rotate-keys";

    public static void main(String[] args) {
        if (args.length > 0 && ROTATE_KEYS.equals(args[0])) {
            SpringApplication rotation = new SpringApplication(ZhibanApplication.class);
            rotation.setWebApplicationType(WebApplicationType.NONE);
            rotation.setDefaultProperties(Map.of("zhiban.keys.rotate", "true"));
            System.exit(SpringApplication.exit(rotation.run(Arrays.copyOfRange(args, 1, args.length))));
        }
        SpringApplication.run(ZhibanApplication.class, args);
    }
}
