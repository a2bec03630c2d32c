; Sanad's own installer texts in English. sanad-ur.nsh holds the same names in Urdu;
; tests/packaging/test_windows_installer.py checks that both have every name and the same
; $variables. NSIS expands $INSTDIR and $LOCALAPPDATA when a text is shown.

!insertmacro LANGFILE_EXT English

${LangFileString} SANAD_NAME "Sanad"
${LangFileString} SANAD_WELCOME_TEXT "Setup will put Sanad ${VERSION} on this computer, or make a portable Sanad that runs from a USB stick.$\r$\n$\r$\nInstalling over an earlier Sanad keeps all your data: only the program is replaced.$\r$\n$\r$\n$_CLICK"

${LangFileString} SANAD_MODE_TITLE "Installation type"
${LangFileString} SANAD_MODE_SUBTITLE "Install Sanad on this computer, or make a portable copy."
${LangFileString} SANAD_MODE_INSTALLED "&Install on this computer (recommended)"
${LangFileString} SANAD_MODE_INSTALLED_INFO "For you alone; no administrator needed. Sanad appears in the Start menu and can be removed in Settings, Apps. Its data is kept in $LOCALAPPDATA\Sanad."
${LangFileString} SANAD_MODE_PORTABLE "&Portable: run from a USB stick"
${LangFileString} SANAD_MODE_PORTABLE_INFO "Copies the program to a folder you choose, for example on a USB stick. Its data stays in a SanadData folder beside it, so the stick works on any computer. No shortcuts, nothing written to Windows."

${LangFileString} SANAD_SECTION_PROGRAM "Sanad"
${LangFileString} SANAD_SECTION_STARTMENU "Start menu shortcut"
${LangFileString} SANAD_SECTION_DESKTOP "Desktop shortcut"
${LangFileString} SANAD_DESC_PROGRAM "The Sanad program. Your data is never part of it: it stays in $LOCALAPPDATA\Sanad."
${LangFileString} SANAD_DESC_STARTMENU "Sanad in the Start menu."
${LangFileString} SANAD_DESC_DESKTOP "A Sanad icon on the desktop."

${LangFileString} SANAD_DIR_INSTALLED_TEXT "Setup will install Sanad in the folder below. If an earlier Sanad is there, it is replaced and your data is kept. To use another folder, click Browse. $_CLICK"
${LangFileString} SANAD_DIR_PORTABLE_TITLE "Choose the portable folder"
${LangFileString} SANAD_DIR_PORTABLE_SUBTITLE "Choose where the portable Sanad goes, for example on a USB stick."
${LangFileString} SANAD_DIR_PORTABLE_TEXT "Setup will copy Sanad to the folder below. Its data will be kept in a SanadData folder inside it: copy the whole folder to back it up or move it. An earlier portable Sanad there is updated and keeps its data. $_CLICK"
${LangFileString} SANAD_DIR_PORTABLE_DESTINATION "Portable folder"
${LangFileString} SANAD_DIR_NOT_EMPTY "$INSTDIR already holds other files.$\r$\n$\r$\nSanad needs a folder of its own: choose a new or empty folder, or the folder of an earlier Sanad."
${LangFileString} SANAD_DIR_IS_PORTABLE "$INSTDIR holds a portable Sanad and its data.$\r$\n$\r$\nTo update it, go back and choose the portable installation. To install Sanad on this computer, choose another folder."
${LangFileString} SANAD_DIR_IS_INSTALLED "$INSTDIR holds a Sanad that keeps its data on this computer, not beside it.$\r$\n$\r$\nChoose another folder for the portable Sanad."

${LangFileString} SANAD_RUNNING "Sanad is open (it runs from $INSTDIR).$\r$\n$\r$\nClose every Sanad window, then click Retry."
${LangFileString} SANAD_MARKER_FAILED "Setup could not create $INSTDIR\sanad.portable, the file that keeps a portable Sanad's data beside it.$\r$\n$\r$\nCheck that the USB stick is not write-protected or full, then run Setup again."

${LangFileString} SANAD_FINISH_INSTALLED "Sanad has been installed on this computer. Open it from the Start menu.$\r$\n$\r$\nYour data is kept in $LOCALAPPDATA\Sanad. Uninstalling Sanad never deletes it."
${LangFileString} SANAD_FINISH_PORTABLE "The portable Sanad is ready in $INSTDIR. To use it on any computer, open sanad.exe in that folder.$\r$\n$\r$\nIts data will be kept in $INSTDIR\SanadData."
${LangFileString} SANAD_FINISH_RUN "&Open Sanad now"

${LangFileString} SANAD_UNINSTALL_TEXT "Sanad will be removed from the folder below.$\r$\n$\r$\nYour data in $LOCALAPPDATA\Sanad (campus databases, evidence, keys and backups) is kept: the uninstaller never deletes it. Delete that folder yourself only when you are sure nobody needs it."
${LangFileString} SANAD_UNFINISH_TEXT "Sanad has been removed from this computer.$\r$\n$\r$\nYour data is still in $LOCALAPPDATA\Sanad. If you install Sanad again, it opens that data as before."
