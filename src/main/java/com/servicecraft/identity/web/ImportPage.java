package com.servicecraft.identity.web;

import com.servicecraft.identity.TemporaryCredential;
import com.servicecraft.identity.importing.ImportRow;
import com.servicecraft.identity.importing.TraineeFileReader;
import com.servicecraft.identity.importing.TraineeImport;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Trainee import: upload → preview with every row's problems → import, allowed only for a clean
 * file. The preview lives in the view; nothing reaches the database until the admin confirms.
 */
@Named
@ViewScoped
public class ImportPage implements Serializable {
    @Inject
    TraineeImport traineeImport;

    private String fileName;
    private List<ImportRow> rows = List.of();
    /** The passwords just issued: shown once, gone with the view. */
    private List<TemporaryCredential> credentials = List.of();

    public void upload(FileUploadEvent event) {
        fileName = event.getFile().getFileName();
        credentials = List.of();
        try (InputStream in = event.getFile().getInputStream()) {
            rows = traineeImport.check(TraineeFileReader.read(fileName, in));
            if (isClean()) {
                Messages.info("import.clean", rows.size());
            } else {
                Messages.error("import.hasErrors", errorCount(), rows.size());
            }
        } catch (UserInputException e) {
            rows = List.of();
            Messages.error(e);
        } catch (IOException e) {
            rows = List.of();
            Messages.error("import.unreadableFile");
        }
    }

    public void confirm() {
        if (!isClean()) {
            Messages.error("import.notClean");
            return;
        }
        try {
            credentials = traineeImport.importAll(rows);
            Messages.info("import.done", credentials.size());
            rows = List.of();
            fileName = null;
        } catch (UserInputException e) {
            Messages.error(e);
        }
    }

    public boolean isClean() {
        return !rows.isEmpty() && rows.stream().allMatch(ImportRow::isValid);
    }

    public long errorCount() {
        return rows.stream().filter(r -> !r.isValid()).count();
    }

    public String errorsOf(ImportRow row) {
        return String.join("; ", row.getErrors().stream().map(Messages::text).toList());
    }

    public String getFileName() { return fileName; }
    public List<ImportRow> getRows() { return rows; }
    public List<TemporaryCredential> getCredentials() { return credentials; }

    public void downloadCredentials() throws IOException {
        CredentialDownload.send(credentials);
    }
}
