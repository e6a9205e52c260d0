package cn.gov.shanwei.enforcement.app.security;

import cn.gov.shanwei.enforcement.app.web.ErrorCode;
import cn.gov.shanwei.enforcement.app.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Stands where the client signature filter is mapped ({@code /api/*}) and composes it with staff sign-on: a request
 * to the staff API that carries a bearer token (and no client id) passes on to Spring Security; every other request
 * goes through the signature filter exactly as before. If the signature filter is missing the API fails closed.
 */
public class StaffOrClientApiFilter extends OncePerRequestFilter {

    private final Supplier<Filter> signatureFilter;
    private final long maxBearerBodyBytes;
    private final long maxEvidenceBytes;
    private final ObjectMapper mapper;

    /**
     * @param signatureFilter    the client signature filter being composed
     * @param maxBearerBodyBytes largest JSON body accepted from staff
     * @param maxEvidenceBytes   largest evidence upload accepted from staff
     * @param mapper             for problem bodies
     */
    public StaffOrClientApiFilter(Supplier<Filter> signatureFilter, long maxBearerBodyBytes, long maxEvidenceBytes,
                                  ObjectMapper mapper) {
        this.signatureFilter = signatureFilter;
        this.maxBearerBodyBytes = maxBearerBodyBytes;
        this.maxEvidenceBytes = maxEvidenceBytes;
        this.mapper = mapper;
    }

    /** Whether {@code path} is part of the staff API. */
    static boolean isStaffPath(String path) {
        return path.startsWith("/api/v1/cases/") || path.equals("/api/v1/cases")
                || path.startsWith("/api/v1/admin/") || path.equals("/api/v1/admin");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isStaffPath(path) && StaffAuthenticationFilter.isBearerRequest(request)) {
            long limit = isMultipart(request) ? maxEvidenceBytes : maxBearerBodyBytes;
            if (request.getContentLengthLong() > limit) {
                Problems.write(response, Problems.problem(ErrorCode.PAYLOAD_TOO_LARGE, "The body exceeds " + limit
                        + " bytes", request), mapper);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Filter delegate = signatureFilter.get();
        if (delegate == null) {
            Problems.write(response, Problems.problem(ErrorCode.AUTHENTICATION_FAILED, "Client authentication is not "
                    + "configured", request), mapper);
            return;
        }
        delegate.doFilter(request, response, chain);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }
}
