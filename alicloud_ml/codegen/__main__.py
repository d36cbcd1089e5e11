from alicloud_ml.codegen.generate import main

raise SystemExit(main())
