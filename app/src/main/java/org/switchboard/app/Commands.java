package org.switchboard.app;

/** What the toolbar and the menus can ask the window to do. */
interface Commands {

    void newDocument();

    void open();

    void openRecent(java.nio.file.Path file);

    void clearRecent();

    void save();

    void saveAs();

    void exportPng();

    void settings();

    void quit();

    void undo();

    void redo();

    void cut();

    void copy();

    void paste();

    void duplicate();

    void delete();

    void selectAll();

    void zoomIn();

    void zoomOut();

    void zoomToFit();

    void zoomReset();

    void welcome();

    void help();

    void about();
}
