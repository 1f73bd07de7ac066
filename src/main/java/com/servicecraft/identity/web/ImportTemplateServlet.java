package com.servicecraft.identity.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A CSV template for the trainee import (admins only, by its /admin/ path). */
@WebServlet("/admin/import-template.csv")
public class ImportTemplateServlet extends HttpServlet {
    static final String TEMPLATE = "\uFEFFemployee_number,display_name,email,department,job_title,language,username\r\n"
            + "E1001,张伟,zhang.wei@example.com,,服务顾问,zh-CN,\r\n";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/csv");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Content-Disposition", "attachment; filename=\"trainees-template.csv\"");
        res.getOutputStream().write(TEMPLATE.getBytes(StandardCharsets.UTF_8));
    }
}
