package org.zhiban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhibanApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhibanApplication.class, args);
    }
}
