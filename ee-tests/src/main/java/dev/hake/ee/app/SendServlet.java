package dev.hake.ee.app;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code POST /send?queue=Q&body=B&count=N&ending=returns|rolls_back|throws}: has {@link OrderDesk}
 * send in its transaction; answers "returned" or "threw: why".
 */
@WebServlet("/send")
public class SendServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private OrderDesk desk;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        OrderDesk.Ending ending = OrderDesk.Ending.valueOf(request.getParameter("ending").toUpperCase(Locale.ROOT));
        try {
            desk.send(request.getParameter("queue"), request.getParameter("body"),
                    Integer.parseInt(request.getParameter("count")), ending);
            response.getWriter().println("returned");
        } catch (Exception e) {
            response.getWriter().println("threw: " + e);
        }
    }
}
