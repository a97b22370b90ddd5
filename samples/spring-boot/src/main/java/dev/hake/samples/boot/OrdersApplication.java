package dev.hake.samples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application on hake, configured only by application.properties: {@link OrderDemo}
 * sends a few orders with Boot's JmsTemplate, {@link OrderListener} receives them in a
 * {@code @JmsListener}, and the application exits: with 0 when every order came, 1 when not.
 */
@SpringBootApplication
public class OrdersApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(OrdersApplication.class, args)));
    }
}
