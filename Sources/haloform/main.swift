print("haloform")
