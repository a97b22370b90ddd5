package dev.hake.ee.app;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * What the beans received, as plain text. {@code GET /deliveries?bean=NAME}: a header line
 * ({@link Delivery#FIELDS}, after {@code #}) and one line per delivery, in the order they were
 * recorded; without {@code bean}, every bean's. {@code GET /deliveries/most-at-once?bean=NAME}: the
 * most deliveries that bean ran at one time.
 */
@WebServlet({"/deliveries", "/deliveries/most-at-once"})
public class DeliveriesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private DeliveryLog log;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String bean = request.getParameter("bean");
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        if (request.getServletPath().endsWith("/most-at-once")) {
            if (bean == null) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "name the bean: ?bean=NAME");
                return;
            }
            out.println(log.mostAtOnce(bean));
            return;
        }
        out.println("#" + Delivery.FIELDS);
        for (Delivery delivery : log.deliveries()) {
            if (bean == null || bean.equals(delivery.bean())) {
                out.println(delivery.line());
            }
        }
    }
}
