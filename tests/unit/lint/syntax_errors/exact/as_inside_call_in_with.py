with _TempModule(mod_name_ModifiedArgv0 as temp_module, )(fname):
    pass
